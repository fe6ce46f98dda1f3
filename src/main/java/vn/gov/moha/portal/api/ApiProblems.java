package vn.gov.moha.portal.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.i18n.Translations;

/**
 * Every error of the API as an RFC 9457 problem detail, in the caller's language (Accept-Language, Vietnamese by
 * default) with the same message a screen shows. A broken rule ({@link InvalidInputException}) lists each field's
 * message in {@code errors}; its status says what kind of refusal it is: 404 for "not found or not yours", 409 for a
 * stale version (412 when the version came in If-Match) or a state that does not allow it, 403 for a rule about who
 * may act, 422 for bad input. {@code code} is the message's key: {@code api.error.role} when the caller's role may not
 * call this at all (the services' {@code @PreAuthorize}), {@code api.error.readOnly} for a read-only token.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private final Translations translations;

    ApiProblems(Translations translations) {
        this.translations = translations;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, HttpServletRequest request) {
        Locale locale = ApiLanguage.of(request);
        List<InvalidInputException.Problem> problems = e.problems();
        HttpStatus status = statusOf(problems, request.getHeader(HttpHeaders.IF_MATCH) != null);
        List<Map<String, String>> errors = problems.stream()
                .map(p -> Map.of(
                        "field", p.field(),
                        "code", p.messageKey(),
                        "message",
                                translations.getTranslation(
                                        p.messageKey(), locale, p.args().toArray())))
                .toList();
        ProblemDetail problem = problem(status, "api.problem." + status.value(), locale);
        problem.setDetail(errors.get(0).get("message"));
        problem.setProperty("code", problems.get(0).messageKey());
        problem.setProperty("errors", errors);
        return answer(problem);
    }

    static HttpStatus statusOf(List<InvalidInputException.Problem> problems, boolean ifMatch) {
        List<String> keys =
                problems.stream().map(InvalidInputException.Problem::messageKey).toList();
        if (keys.contains("error.stale")) {
            return ifMatch ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT;
        }
        if (keys.stream().anyMatch(k -> k.endsWith("notFound"))) {
            return HttpStatus.NOT_FOUND;
        }
        if (keys.stream().anyMatch(k -> WHO.stream().anyMatch(k::endsWith))) {
            return HttpStatus.FORBIDDEN;
        }
        if (keys.stream().anyMatch(k -> STATE.stream().anyMatch(k::endsWith) || k.endsWith("openExists"))) {
            return HttpStatus.CONFLICT;
        }
        return HttpStatus.UNPROCESSABLE_ENTITY;
    }

    /** Rules about who may act on this thing (another unit's report, another's approval step). */
    private static final List<String> WHO = List.of(
            ".error.notLeadUnit",
            ".error.notYourTask",
            ".error.notCoordinator",
            ".error.notInCharge",
            ".error.notYourStep");
    /** Rules about the thing's state (sent already, not waiting for a decision). */
    private static final List<String> STATE =
            List.of(".error.notEditable", ".error.notWaiting", ".error.notSent", ".error.notDrafted");

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(HttpServletRequest request) {
        return answer(problem(HttpStatus.FORBIDDEN, "api.problem.403", ApiLanguage.of(request), "api.error.role"));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> stale(HttpServletRequest request) {
        return answer(problem(HttpStatus.CONFLICT, "api.problem.409", ApiLanguage.of(request), "error.stale"));
    }

    @ExceptionHandler(VersionRequired.class)
    ResponseEntity<ProblemDetail> versionRequired(HttpServletRequest request) {
        return answer(problem(
                HttpStatus.PRECONDITION_REQUIRED, "api.problem.428", ApiLanguage.of(request), "api.error.version"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("API call {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return answer(problem(
                HttpStatus.INTERNAL_SERVER_ERROR, "api.problem.500", ApiLanguage.of(request), "api.error.unexpected"));
    }

    /** Spring MVC's own errors (bad JSON, a missing parameter, a wrong method): the same form, in the same language. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        HttpServletRequest servlet = ((ServletWebRequest) request).getRequest();
        Locale locale = ApiLanguage.of(servlet);
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        String detailKey = ex instanceof MaxUploadSizeExceededException ? "api.error.tooLarge" : "api.error.request";
        ProblemDetail problem = problem(status, "api.problem." + status.value(), locale, detailKey);
        if (ex instanceof MaxUploadSizeExceededException) {
            problem = problem(HttpStatus.PAYLOAD_TOO_LARGE, "api.problem.413", locale, detailKey);
            status = HttpStatus.PAYLOAD_TOO_LARGE;
        }
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(PROBLEM)
                .body(problem);
    }

    private ProblemDetail problem(HttpStatus status, String titleKey, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("about:blank"));
        problem.setTitle(title(titleKey, status, locale));
        return problem;
    }

    private ProblemDetail problem(HttpStatus status, String titleKey, Locale locale, String detailKey) {
        ProblemDetail problem = problem(status, titleKey, locale);
        problem.setDetail(translations.getTranslation(detailKey, locale));
        problem.setProperty("code", detailKey);
        return problem;
    }

    private String title(String key, HttpStatus status, Locale locale) {
        return Translations.bundle(locale).containsKey(key)
                ? translations.getTranslation(key, locale)
                : status.getReasonPhrase();
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(PROBLEM).body(problem);
    }

    /**
     * A problem written straight to the response, for the security filters that answer before Spring MVC (no
     * token, a read-only token writing, too many calls).
     */
    static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            ObjectMapper json,
            Translations translations,
            HttpStatus status,
            String detailKey)
            throws IOException {
        Locale locale = ApiLanguage.of(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("about:blank"));
        String titleKey = "api.problem." + status.value();
        problem.setTitle(
                Translations.bundle(locale).containsKey(titleKey)
                        ? translations.getTranslation(titleKey, locale)
                        : status.getReasonPhrase());
        problem.setDetail(translations.getTranslation(detailKey, locale));
        problem.setProperty("code", detailKey);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(PROBLEM.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** An update without If-Match and without a version: the API never overwrites blindly. */
    static final class VersionRequired extends RuntimeException {
        VersionRequired() {
            super("If-Match or version required");
        }
    }
}
