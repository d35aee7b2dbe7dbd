package vn.ocop.infra.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request body larger than {@code ocop.web.max-body-size} (default 1 MB) is read: a declared length over it
 * is refused at once with 413, and a body sent without a length stops being read where it passes the limit.
 * A register's commands are small; a body of megabytes is a mistake or an attack.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodySizeLimit extends OncePerRequestFilter {

    private final long bodyLimit;
    private final long importLimit;
    private final ObjectMapper json;

    BodySizeLimit(@Value("${ocop.web.max-body-size:1MB}") DataSize limit,
                  @Value("${ocop.imports.max-file-size:20MB}") DataSize importLimit, ObjectMapper json) {
        this.bodyLimit = limit.toBytes();
        this.importLimit = importLimit.toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // a list to import may be larger than a command (ocop.imports.max-file-size)
        long limit = request.getRequestURI().equals(request.getContextPath() + "/api/imports") ? importLimit : bodyLimit;
        if (request.getContentLengthLong() > limit) {
            response.setStatus(413);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), ProblemResponses.problemOf(WebProblem.PAYLOAD_TOO_LARGE,
                    "Payload too large", "Nội dung quá lớn",
                    "The request body exceeds " + limit + " bytes.", "Nội dung yêu cầu vượt quá " + limit + " byte."));
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    /** A request whose body reads as ended once it passes the limit: the JSON reader then refuses it. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream body = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    if (read >= limit) {
                        return -1;
                    }
                    int next = body.read();
                    if (next >= 0) {
                        read++;
                    }
                    return next;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    if (read >= limit) {
                        return -1;
                    }
                    int count = body.read(buffer, offset, (int) Math.min(length, limit - read));
                    if (count > 0) {
                        read += count;
                    }
                    return count;
                }

                @Override
                public boolean isFinished() {
                    return read >= limit || body.isFinished();
                }

                @Override
                public boolean isReady() {
                    return body.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    body.setReadListener(listener);
                }
            };
        }
    }
}
