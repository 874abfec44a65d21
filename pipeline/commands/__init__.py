"""One module per `scr` command; each exposes `register(app)`."""
