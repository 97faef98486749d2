"""Historical activities: the fixed activity types per mechanism and the activities import."""
