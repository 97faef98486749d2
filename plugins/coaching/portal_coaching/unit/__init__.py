"""Unit flow (Lamp. I, CU-01…CU-03): coaching and mentoring in the participant's own unit."""
