-- Command side: which bug each duplicate names, so that a duplicate never names another duplicate (a cycle would
-- leave no original). Bugs rejected as duplicates before this column are taken from the read model, which held every
-- rejection up to now.
alter table bug_lookup add column duplicate_of text;
update bug_lookup l set duplicate_of = b.duplicate_of
from bugs b
where b.id = l.bug_id and b.resolution = 'DUPLICATE' and b.duplicate_of is not null;
