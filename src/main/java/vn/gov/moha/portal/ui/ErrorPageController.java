package vn.gov.moha.portal.ui;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error the servlet container or Spring answers outside a screen (a 404 for a file, a 405, a 403 for a
 * form without its CSRF token, a 500) is forwarded here: the portal's own {@link ErrorPage} instead of Spring's
 * English "Whitelabel Error Page". Screens have their own ({@link NotFoundView}, {@link ErrorView}).
 */
@Controller
class ErrorPageController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ErrorPage.write(
                request,
                response,
                status instanceof Integer code ? code : 500,
                path == null ? null : path.toString(),
                (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
    }
}
