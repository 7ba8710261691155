"""Imported by the extraction forkserver only: load what every worker needs once, before forking."""

from extractors.language import warm_up

warm_up()
