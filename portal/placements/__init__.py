"""The core placement lifecycle for magang, pertukaran and detasering (docs/placements.md)."""
