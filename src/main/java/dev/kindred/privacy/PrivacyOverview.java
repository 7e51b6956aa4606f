package dev.kindred.privacy;

import java.util.List;

/** What Kindred keeps about one person, in sizes and counts (no content), for {@code /privacy show}. */
public record PrivacyOverview(
        String userId, List<DmAgent> dmAgents, List<MemberBlock> memberBlocks, List<SharedAgent> sharedAgents) {

    public record BlockSize(String label, int chars, int limit) {}

    public record DmAgent(String name, List<BlockSize> blocks, long messages, long passages) {}

    /** The person's own block in a server agent. */
    public record MemberBlock(String agentName, String guildId, BlockSize block) {}

    /** A server agent that keeps some of the person's messages. */
    public record SharedAgent(String agentName, String guildId, long messages) {}

    public PrivacyOverview {
        dmAgents = List.copyOf(dmAgents);
        memberBlocks = List.copyOf(memberBlocks);
        sharedAgents = List.copyOf(sharedAgents);
    }

    public boolean isEmpty() {
        return dmAgents.isEmpty() && memberBlocks.isEmpty() && sharedAgents.isEmpty();
    }

    /** A short text for people; sizes and counts only, so it is safe to show anywhere they ask. */
    public String render() {
        if (isEmpty()) {
            return "Kindred keeps nothing about you.";
        }
        StringBuilder text = new StringBuilder("What Kindred keeps about you:\n");
        for (DmAgent agent : dmAgents) {
            text.append("- DM agent ")
                    .append(agent.name())
                    .append(": ")
                    .append(agent.messages())
                    .append(" messages, ")
                    .append(agent.passages())
                    .append(" archival passages, blocks ")
                    .append(sizes(agent.blocks()))
                    .append('\n');
        }
        for (MemberBlock block : memberBlocks) {
            text.append("- your block in server agent ")
                    .append(block.agentName())
                    .append(" (server ")
                    .append(block.guildId())
                    .append("): ")
                    .append(sizes(List.of(block.block())))
                    .append('\n');
        }
        for (SharedAgent agent : sharedAgents) {
            text.append("- server agent ")
                    .append(agent.agentName())
                    .append(" (server ")
                    .append(agent.guildId())
                    .append(") keeps ")
                    .append(agent.messages())
                    .append(" of your messages\n");
        }
        return text.append("Use /privacy export for a copy, /privacy forget to erase it all.")
                .toString();
    }

    private static String sizes(List<BlockSize> blocks) {
        return String.join(
                ", ",
                blocks.stream()
                        .map(b -> b.label() + " " + b.chars() + "/" + b.limit())
                        .toList());
    }
}
