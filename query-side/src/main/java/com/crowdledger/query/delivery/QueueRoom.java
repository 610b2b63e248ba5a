package com.crowdledger.query.delivery;

import java.util.Map;

/**
 * How many more deliveries a node may claim of each target ({@code kind:targetId}) and each account: those it holds
 * count against {@code perTarget} and {@code perAccount}; one it holds none of has the whole allowance.
 */
record QueueRoom(int perTarget, Map<String, Integer> targets, int perAccount, Map<String, Integer> accounts) {

    String[] fullTargets() {
        return full(targets);
    }

    String[] fullAccounts() {
        return full(accounts);
    }

    private static String[] full(Map<String, Integer> room) {
        return room.entrySet().stream().filter(e -> e.getValue() <= 0).map(Map.Entry::getKey).toArray(String[]::new);
    }
}
