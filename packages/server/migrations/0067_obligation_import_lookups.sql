-- Obligations (issue 17): the exam-results import finds people by ID number. The number is sealed
-- (SM4), so the masked form (region and last four digits) narrows the search and the sealed one
-- decides; this index keeps that narrowing cheap on a large register.
CREATE INDEX obligation_people_id_masked ON obligation_people (id_number_masked)
  WHERE id_number_masked IS NOT NULL;
-- Re-importing a file finds an exam already recorded by person, course and date.
CREATE INDEX obligation_training_exam ON obligation_training (person_id, course, completed_on);
