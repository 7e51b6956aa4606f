package dev.kindred.agentfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindred.memory.ToolInvocation;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes tool calls in OpenAI's shape, which Letta uses: arguments are a JSON string. */
final class ToolCalls {
    private ToolCalls() {}

    static List<ToolInvocation> read(JsonNode message, String where) {
        List<ToolInvocation> calls = new ArrayList<>();
        List<JsonNode> items = Json.objects(message, "tool_calls", where);
        for (int i = 0; i < items.size(); i++) {
            String callWhere = where + ".tool_calls[" + i + "]";
            JsonNode function = Json.optObject(items.get(i), "function", callWhere);
            if (function == null) {
                throw new dev.kindred.memory.UserInputException(
                        "this agent file is damaged: " + callWhere + " has no function");
            }
            JsonNode arguments = function.get("arguments");
            String json = arguments == null || arguments.isNull()
                    ? "{}"
                    : arguments.isTextual() ? arguments.textValue() : arguments.toString();
            calls.add(new ToolInvocation(
                    Json.optText(items.get(i), "id", callWhere, "call-" + i),
                    Json.text(function, "name", callWhere + ".function"),
                    json));
        }
        return calls;
    }

    /** What a {@code send_message} call said, or its raw arguments if they are not the usual shape. */
    static String sentMessage(ToolInvocation call) {
        JsonNode arguments = MessageText.jsonObject(call.arguments());
        JsonNode message = arguments == null ? null : arguments.get("message");
        return message != null && message.isTextual() ? message.textValue() : call.arguments();
    }
}
