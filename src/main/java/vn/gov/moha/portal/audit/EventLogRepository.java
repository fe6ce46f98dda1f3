package vn.gov.moha.portal.audit;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface EventLogRepository extends JpaRepository<EventLogEntry, Long> {

    List<EventLogEntry> findByActorContainingAndActionStartingWithOrderByIdDesc(
            String actor, String action, Pageable page);

    long countByActorContainingAndActionStartingWith(String actor, String action);

    /** A page of the whole log, newest first (a list: no count query as a Page would send). */
    List<EventLogEntry> findAllByOrderByIdDesc(Pageable page);

    List<EventLogEntry> findByActorContainingAndActionStartingWithAndIdLessThanOrderByIdDesc(
            String actor, String action, long beforeId, org.springframework.data.domain.Pageable page);

    List<EventLogEntry> findByIdGreaterThanOrderByIdAsc(Long id, Pageable page);

    @Query(value = "select last_hash from event_chain_head where id = 1 for update", nativeQuery = true)
    String lockHead();

    @Query(value = "select last_id from event_chain_head where id = 1 and last_hash <> :hash", nativeQuery = true)
    Optional<Long> headIfNot(String hash);

    @Modifying
    @Query(value = "update event_chain_head set last_hash = :hash, last_id = :id where id = 1", nativeQuery = true)
    int moveHead(String hash, Long id);
}
