-- Persons and algorithms without a single candidate: they get the popular items instead.
CREATE TEMPORARY VIEW retail_${model}_uncovered AS
SELECT p.person_id, a.algorithm, p.person_items
FROM (SELECT DISTINCT person_id, person_items FROM retail_${model}_targets) AS p
CROSS JOIN (VALUES ${algorithm_rows}) AS a(algorithm)
LEFT JOIN (SELECT DISTINCT person_id, algorithm FROM retail_${model}_candidates) AS c
  ON c.person_id = p.person_id AND c.algorithm = a.algorithm
WHERE c.person_id IS NULL
