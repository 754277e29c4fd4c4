"""Only what pyproject.toml cannot say: ship the top-level resources/ folder inside the package.

resources/ stays where HR and developers expect it (beside the code, at the top of
the repository); in the wheel it becomes norddjurs_desktop/resources, where
norddjurs_desktop/paths.py looks first.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["norddjurs_desktop*"]), "norddjurs_desktop.resources"],
    package_dir={"norddjurs_desktop.resources": "resources"},
)
