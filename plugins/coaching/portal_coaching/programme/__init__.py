"""Programme flow (Lamp. H, CM-01…CM-13): the HR unit's eight-week coaching-mentoring programme."""
