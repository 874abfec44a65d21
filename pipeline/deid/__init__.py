"""De-identification: key file, name and identifier detection, pseudonymise, verify."""
