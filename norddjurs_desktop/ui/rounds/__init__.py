"""The hidden scoring round on the shared laptop: hand-over, own scores, reveal."""
