package vn.gov.moha.portal.task;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProgrammeYearRepository extends JpaRepository<ProgrammeYear, Integer> {}
