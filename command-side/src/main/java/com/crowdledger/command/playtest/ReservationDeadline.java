package com.crowdledger.command.playtest;

/**
 * The payload of a reservation's deadlines ({@code slot-reservation-expiring}, {@code slot-reservation-lapsed}):
 * which slot, and which of its reservations. Stored as JSON in {@code scheduled_tasks} for two days: keep its shape.
 */
record ReservationDeadline(String slotId, int reservation) {
}
