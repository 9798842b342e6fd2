"""YTCS Desktop: offline-first software for commune health stations and their regional centre."""

__version__ = "0.1.0"
