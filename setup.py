"""Packaging glue that pyproject.toml alone cannot express.

The design card fixes `models/` (taxonomies, patterns, gazetteers) at the top
level of the repository, beside the package.  A plain `pip install .` must
still carry those files, so they are installed as the data-only package
`pipeline._models`; `pipeline.resources.models_dir()` finds either copy.
"""
from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["pipeline", "pipeline.*"]) + ["pipeline._models"],
    package_dir={"pipeline._models": "models"},
    package_data={"pipeline._models": ["**/*"], "pipeline.page": ["templates/*"]},
    include_package_data=True,
)
