package dev.kindred.agentfile;

import dev.kindred.memory.Agent;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Letta's {@code system} text as Kindred instructions. Kindred writes its own base prompt (memory,
 * tools, how replies work) ahead of an agent's custom instructions, so Letta's generic MemGPT
 * boilerplate is not kept (the default instructions apply); a prompt written for the agent is kept
 * as its custom instructions, without Letta's compiled memory sections and cut to
 * {@link Agent#MAX_INSTRUCTIONS}.
 */
final class SystemPrompt {
    private static final List<String> BOILERPLATE = List.of(
            "Limnal Corporation",
            "You are a helpful self-improving agent with advanced memory",
            "You are MemGPT",
            "You are Letta,");
    private static final Pattern COMPILED =
            Pattern.compile("(?s)<(memory_blocks|memory_metadata|directories|tool_usage_rules)>.*?</\\1>");
    private static final Pattern WRAPPER = Pattern.compile("</?base_instructions>");

    private SystemPrompt() {}

    static String instructions(String system, String defaultInstructions, String agentName, List<String> notices) {
        if (BOILERPLATE.stream().anyMatch(system::contains)) {
            notices.add(agentName + ": Letta's generic system prompt was replaced by Kindred's own instructions "
                    + "(they cover memory and tools); the agent's personality lives in its blocks.");
            return defaultInstructions;
        }
        String custom = WRAPPER.matcher(COMPILED.matcher(system).replaceAll(""))
                .replaceAll("")
                .strip();
        if (custom.length() > Agent.MAX_INSTRUCTIONS) {
            notices.add(agentName + ": the system prompt (" + custom.length() + " characters) was cut to "
                    + Agent.MAX_INSTRUCTIONS + " characters of custom instructions.");
            return custom.substring(0, Agent.MAX_INSTRUCTIONS);
        }
        return custom;
    }
}
