"""Fremmødepaletten: a self-screening tool for sickness absence in Danish workplaces."""

APP_NAME = "Fremmødepaletten"
APP_ORG = "Norddjurs Kommune"
__version__ = "0.1.0"
