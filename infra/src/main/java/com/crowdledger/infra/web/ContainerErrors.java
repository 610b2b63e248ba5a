package com.crowdledger.infra.web;

import com.crowdledger.shared.error.ErrorCode;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before any filter runs (a malformed URL such as {@code %00} or {@code %2e%2e%2f}, headers
 * too large or too many) are answered in the error envelope too, instead of Tomcat's HTML page: the host's error
 * report valve is {@link EnvelopeReport}.
 */
@Component
class ContainerErrors implements TomcatContextCustomizer {

    @Override
    public void customize(Context context) {
        if (context.getParent() instanceof StandardHost host) {
            host.setErrorReportValveClass(EnvelopeReport.class.getName());
        }
    }

    /** Writes {@code {success:false, error:{code,message,status,details:[]}, meta:{requestId,timestamp}}}. */
    public static class EnvelopeReport extends ErrorReportValve {
        @Override
        protected void report(Request request, Response response, Throwable failure) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            ErrorCode code = ErrorStatus.codeFor(status);
            String message = status >= 500 ? "Something went wrong on our side" : "The request could not be read";
            String requestId = RequestIds.assign(request, response);
            try {
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                NoStore.applyTo(response);
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"success\":false,\"error\":{\"code\":\"" + code.name() + "\",\"message\":\""
                            + message + "\",\"status\":" + status + ",\"details\":[]},\"meta\":{\"requestId\":\""
                            + requestId + "\",\"timestamp\":\"" + Instant.now() + "\"}}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone: nothing more to tell
            }
        }
    }
}
