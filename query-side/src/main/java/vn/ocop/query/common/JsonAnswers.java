package vn.ocop.query.common;

import java.io.IOException;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

/** Writes a {@link JsonAnswer}'s bytes as the response's body; such answers are never read from a request. */
@Component
public class JsonAnswers extends AbstractHttpMessageConverter<JsonAnswer<?>> {

    public JsonAnswers() {
        super(MediaType.APPLICATION_JSON);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return JsonAnswer.class.isAssignableFrom(type);
    }

    @Override
    public boolean canRead(Class<?> type, MediaType mediaType) {
        return false;
    }

    @Override
    protected JsonAnswer<?> readInternal(Class<? extends JsonAnswer<?>> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("an answer is not read from a request", input);
    }

    @Override
    protected Long getContentLength(JsonAnswer<?> answer, MediaType contentType) {
        return (long) answer.json().length;
    }

    @Override
    protected void writeInternal(JsonAnswer<?> answer, HttpOutputMessage output) throws IOException {
        output.getBody().write(answer.json());
    }
}
