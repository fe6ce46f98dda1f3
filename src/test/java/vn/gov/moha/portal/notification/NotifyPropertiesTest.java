package vn.gov.moha.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code portal.notify.*} binds as the comma lists and durations of application.properties always meant. */
class NotifyPropertiesTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        NotifyProperties notify = bind(Map.of());
        assertThat(notify.deadlineDays()).containsExactly(1, 5);
        assertThat(notify.reportDays()).containsExactly(1, 3);
        assertThat(notify.mail())
                .isEqualTo(new NotifyProperties.Mail(
                        "Cong dieu hanh Bo Noi vu <no-reply@noivu.example.vn>",
                        10,
                        Duration.ofMinutes(1),
                        Duration.ofHours(6)));
    }

    @Test
    void dayCountsAreACommaListWithoutNegativesOrRepeatsSmallestFirst() {
        assertThat(bind(Map.of("portal.notify.deadline-days", "5,1")).deadlineDays())
                .containsExactly(1, 5);
        assertThat(bind(Map.of("portal.notify.report-days", " 7 , 2,2, -1")).reportDays())
                .containsExactly(2, 7);
        assertThat(bind(Map.of("portal.notify.report-days", "5,,1")).reportDays())
                .containsExactly(1, 5);
        assertThat(bind(Map.of("portal.notify.deadline-days", "")).deadlineDays())
                .isEmpty();
        assertThat(bind(Map.of("portal.notify.deadline-days[0]", "3")).deadlineDays())
                .containsExactly(3);
    }

    @Test
    void durationsAndNumbersBindAndABadValueNamesItsProperty() {
        NotifyProperties notify = bind(Map.of(
                "portal.notify.mail.first-retry",
                "PT2M",
                "portal.notify.mail.max-retry",
                "3h",
                "portal.notify.mail.max-attempts",
                "4"));
        assertThat(notify.mail().firstRetry()).isEqualTo(Duration.ofMinutes(2));
        assertThat(notify.mail().maxRetry()).isEqualTo(Duration.ofHours(3));
        assertThat(notify.mail().maxAttempts()).isEqualTo(4);
        assertThatThrownBy(() -> bind(Map.of("portal.notify.report-days", "3,x")))
                .isInstanceOf(BindException.class)
                .hasMessageContaining("portal.notify.report-days");
        assertThatThrownBy(() -> bind(Map.of("portal.notify.mail.first-retry", "soon")))
                .isInstanceOf(BindException.class)
                .hasMessageContaining("portal.notify.mail.first-retry");
    }

    private static NotifyProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("portal.notify", NotifyProperties.class);
    }
}
