package vn.gov.moha.portal.user;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    @Query("select t from ApiToken t join fetch t.user u left join fetch u.unit where t.tokenHash = :hash")
    Optional<ApiToken> findByHash(String hash);

    @Query("select t from ApiToken t where t.user.id = :userId order by t.createdAt desc, t.id desc")
    List<ApiToken> findOfUser(Long userId);

    @Query("select t from ApiToken t join fetch t.user order by t.createdAt desc, t.id desc")
    List<ApiToken> findAllWithUser();

    @Query("select count(t) from ApiToken t where t.user.id = :userId and t.revokedAt is null")
    long countUnrevokedOf(Long userId);

    /** One statement, no version: the last use is a note, not an edit, and calls must not queue behind it. */
    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = :at where t.id = :id")
    void touch(Long id, LocalDateTime at);
}
