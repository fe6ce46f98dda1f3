package vn.gov.moha.portal.user;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import vn.gov.moha.portal.security.Role;

public interface AppUserRepository extends JpaRepository<AppUser, Long> {

    @EntityGraph(
            attributePaths = {"unit"},
            type = EntityGraph.EntityGraphType.LOAD)
    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    /** Username and full name of these accounts (for the names that histories and exports show). */
    @Query("select u.username, u.fullName from AppUser u where u.username in :usernames")
    List<Object[]> fullNames(Collection<String> usernames);

    @EntityGraph(
            attributePaths = {"unit"},
            type = EntityGraph.EntityGraphType.LOAD)
    List<AppUser> findBySearchTextContaining(String foldedWord, Pageable page);

    long countBySearchTextContaining(String foldedWord);

    @Query("select count(u) from AppUser u join u.roles r where r = :role and u.enabled = true")
    long countEnabledWithRole(Role role);

    /** With their units, by a fetch in the statement: Hibernate caches no plan for a statement with an entity graph. */
    @Query(
            "select distinct u from AppUser u left join fetch u.unit join u.roles r where r = :role and u.enabled = true "
                    + "order by u.fullName")
    List<AppUser> findEnabledWithRole(Role role);
}
