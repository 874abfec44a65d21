"""Packaging glue that pyproject.toml alone cannot express.

The design card fixes `models/` (taxonomies, patterns, gazetteers) at the top
level of the repository, beside the package.  A plain `pip install .` must
still carry those files, so they are installed as the data-only package
`pipeline._models`; `pipeline.resources.models_dir()` finds either copy.
"""
from pathlib import Path

from setuptools import find_packages, setup

# every folder of models/ is a data package of its own (setuptools warns that data in
# folders not listed as packages will stop being installed)
MODEL_PACKAGES = ["pipeline._models"] + sorted(
    "pipeline._models." + ".".join(d.relative_to("models").parts)
    for d in Path("models").rglob("*") if d.is_dir() and "__pycache__" not in d.parts
)

setup(
    packages=find_packages(include=["pipeline", "pipeline.*"]) + ["pipeline.page.templates", "pipeline.review.templates"] + MODEL_PACKAGES,
    package_dir={"pipeline._models": "models"},
    package_data={"pipeline._models": ["**/*"], "pipeline.page.templates": ["*"], "pipeline.review.templates": ["*"]},
    include_package_data=True,
)
