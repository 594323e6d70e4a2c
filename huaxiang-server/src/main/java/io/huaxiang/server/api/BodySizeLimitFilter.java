package io.huaxiang.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huaxiang.server.config.HuaxiangProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the configured size with 413 before they are parsed: at once when the
 * declared length is too large, or as soon as a streamed body passes the limit.
 */
@Component
public class BodySizeLimitFilter extends OncePerRequestFilter {
  private final long limit;
  private final ObjectMapper json;

  public BodySizeLimitFilter(HuaxiangProperties settings, ObjectMapper json) {
    this.limit = settings.ingest().maxBodyBytes();
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setHeader("Connection", "close");
      json.writeValue(
          response.getOutputStream(),
          ProblemHandler.problem(
              HttpStatus.PAYLOAD_TOO_LARGE,
              "TOO_LARGE",
              "request body of "
                  + request.getContentLengthLong()
                  + " bytes exceeds the limit of "
                  + limit
                  + " bytes",
              "请求体超过 " + limit + " 字节的上限"));
      return;
    }
    chain.doFilter(new Limited(request, limit), response);
  }

  /** A request whose body stream fails once more than {@code limit} bytes are read. */
  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0 && ++read > limit) {
            throw new PayloadTooLargeException(limit);
          }
          return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
          int n = in.read(buf, off, len);
          if (n > 0 && (read += n) > limit) {
            throw new PayloadTooLargeException(limit);
          }
          return n;
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
