package com.personnelevents.auth;

import com.personnelevents.web.ErrorWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.List;
import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before any filter runs (a NUL or an encoded slash in the path, a bad escape) get
 * the error envelope and the security headers too, instead of Tomcat's HTML page naming its version.
 * Tomcat's own error report valve is replaced once the server has started (the host sets it up while
 * starting, before any application hook could name another class).
 */
@Component
class ContainerErrorPages implements ApplicationListener<ServletWebServerInitializedEvent> {

    private final ErrorWriter errors;

    ContainerErrorPages(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    public void onApplicationEvent(ServletWebServerInitializedEvent event) {
        if (!(event.getWebServer() instanceof TomcatWebServer server)) {
            return;
        }
        for (Container host : server.getTomcat().getEngine().findChildren()) {
            Pipeline pipeline = host.getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof EnvelopeValve)) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new EnvelopeValve(errors));
        }
    }

    /** Reports an error Tomcat raised itself, when nothing has been written yet, as the API would. */
    static final class EnvelopeValve extends ErrorReportValve {

        private static final Logger log = LoggerFactory.getLogger(EnvelopeValve.class);

        private final ErrorWriter errors;
        private final List<HeaderWriter> headers = SecurityHeaders.writers();

        EnvelopeValve(ErrorWriter errors) {
            this.errors = errors;
        }

        @Override
        protected void report(Request request, Response response, Throwable failure) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.resetBuffer();
                // The path may be what the container refused (an invalid escape): headers as for the API's root.
                HttpServletRequest root = new HttpServletRequestWrapper(request) {
                    @Override
                    public String getRequestURI() {
                        return "/";
                    }

                    @Override
                    public String getServletPath() {
                        return "/";
                    }

                    @Override
                    public String getPathInfo() {
                        return null;
                    }
                };
                headers.forEach(header -> header.writeHeaders(root, response));
                HttpStatus known = HttpStatus.resolve(status);
                errors.writeOutsideRequest(response, known == null ? HttpStatus.BAD_REQUEST : known);
                response.finishResponse();
            } catch (IOException | RuntimeException e) {
                log.debug("Could not write the error envelope for a refused request", e);
            }
        }
    }
}
