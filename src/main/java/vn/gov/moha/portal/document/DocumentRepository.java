package vn.gov.moha.portal.document;

import org.springframework.data.jpa.repository.JpaRepository;

interface DocumentRepository extends JpaRepository<OfficialDocument, Long> {}
