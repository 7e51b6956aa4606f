package dev.kindred.embed;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The quantised all-MiniLM-L6-v2 and its tokenizer from the langchain4j jar, in an ONNX Runtime
 * session that runs each embedding on the calling thread alone. By default ONNX Runtime splits every
 * operator over a pool with a thread per core whose workers spin between operators: for one short
 * text that costs more in waking and spinning than it saves, and the spinning takes the cores the
 * turn and the database need.
 *
 * <p>A short query takes about 1.2 ms back to back but 2.5 ms after 10 ms or more without an
 * embedding, whether the thread slept or spun meanwhile (measured on a two-core virtual machine).
 * The likely cause: each run reads the weights of all six layers, about 11 of the model's 23 MB,
 * which after a pause are no longer in cache. Neither two intra-op threads, spinning or not, nor
 * huge pages for the weights made it faster: {@code GLIBC_TUNABLES=glibc.malloc.hugetlb=1} alone
 * leaves them on 4 KB pages (they are in the loading thread's arena); with {@code
 * glibc.malloc.arena_max=1} too, 70 MB more were on huge pages and a query 100 ms apart took 2.26
 * and 2.00 ms against 2.21 and 2.10. Nor did an embedding started on the other core 0 to 1.5 ms
 * before (p50 2.7 to 3.1 ms against 2.5 to 2.7 without): the two cores compete for memory rather
 * than warm a cache for each other.
 *
 * <p>A text is tokenised once, in Java ({@link WordPieceTokenizer}, which keeps its first 128
 * tokens), run once and mean-pooled over its tokens: the vector langchain4j's encoder gives, without
 * the two further tokenisations it spends rebuilding and re-checking each text (5 to 9% of an
 * embedding's time, measured). Every token is attended to and of the first segment.
 */
final class SingleThreadedMiniLm {
    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;
    private final boolean takesTokenTypes;

    SingleThreadedMiniLm() {
        try (InputStream model = resource(MODEL);
                InputStream vocabulary = resource(TOKENIZER);
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            this.session = environment.createSession(model.readAllBytes(), options);
            this.tokenizer = WordPieceTokenizer.read(vocabulary);
            this.takesTokenTypes = session.getInputNames().contains("token_type_ids");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MiniLM model from its jar", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the MiniLM model", e);
        }
    }

    /** The mean of the model's token vectors for {@code text}, not yet of unit length. */
    float[] embed(String text) {
        long[] tokens = tokenizer.ids(text);
        long[] ones = new long[tokens.length];
        Arrays.fill(ones, 1);
        long[] shape = {1, tokens.length};
        try (OnnxTensor ids = tensor(tokens, shape);
                OnnxTensor mask = tensor(ones, shape);
                OnnxTensor types = tensor(new long[tokens.length], shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>(Map.of("input_ids", ids, "attention_mask", mask));
            if (takesTokenTypes) {
                inputs.put("token_type_ids", types);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                return meanOverTokens(((OnnxTensor) result.get(0)).getFloatBuffer(), shape[1]);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to embed a text", e);
        }
    }

    private OnnxTensor tensor(long[] values, long[] shape) throws OrtException {
        return OnnxTensor.createTensor(environment, LongBuffer.wrap(values), shape);
    }

    /** {@code hidden} holds one row of {@link MiniLmEmbedder#DIMENSIONS} values per token. */
    private static float[] meanOverTokens(FloatBuffer hidden, long tokens) {
        float[] mean = new float[MiniLmEmbedder.DIMENSIONS];
        for (int at = 0; at < hidden.limit(); at += mean.length) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += hidden.get(at + i);
            }
        }
        for (int i = 0; i < mean.length; i++) {
            mean[i] /= tokens;
        }
        return mean;
    }

    private static InputStream resource(String name) {
        return Objects.requireNonNull(
                AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name), "missing from the jar: " + name);
    }
}
