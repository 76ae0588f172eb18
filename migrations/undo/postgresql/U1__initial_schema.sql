-- Undo V1: drop the local entities.
DROP TABLE issues;
DROP TABLE sprints;
DROP TABLE boards;
DROP TABLE projects;
