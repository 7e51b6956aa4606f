package dev.kindred.agent;

import dev.kindred.memory.AgentStore;
import dev.kindred.memory.ArchivalMemory;
import dev.kindred.memory.BindingStore;
import dev.kindred.memory.BlockStore;
import dev.kindred.memory.Checkpoint;
import dev.kindred.memory.MessageStore;
import dev.kindred.memory.PassageStore;
import dev.kindred.memory.RecallMemory;

/** The memory an agent runs on: the stores, the two searchable memories, the usage meter, the checkpoint. */
public record AgentServices(
        AgentStore agents,
        BlockStore blocks,
        MessageStore messages,
        PassageStore passages,
        BindingStore bindings,
        RecallMemory recall,
        ArchivalMemory archival,
        UsageMeter usage,
        Checkpoint checkpoint) {}
