-- Removal is a change: what a change is (edit, removed, moved, restored) and, for a move, its target.
-- Rows written before have no kind: they are edits.
ALTER TABLE changes ADD COLUMN kind TEXT;
ALTER TABLE changes ADD COLUMN moved_to TEXT;
