package dev.kindred.model;

/**
 * A chat model with tools. {@link ChatRequest#model()} names the model as {@code provider/model};
 * adapters map the request to their vendor's HTTP API and the answer back, nothing else.
 */
public interface ChatModel {
    /** @throws ModelException when the call fails; its kind says whether a retry can help */
    ChatResponse chat(ChatRequest request);
}
