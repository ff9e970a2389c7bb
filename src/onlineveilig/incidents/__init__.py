"""Incidents: what happened, when a client crossed a line online, with its evidence intact."""
