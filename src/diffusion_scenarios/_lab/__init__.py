"""The seminar policy lab: parameters with sources, the simulation, its figures and widget."""
