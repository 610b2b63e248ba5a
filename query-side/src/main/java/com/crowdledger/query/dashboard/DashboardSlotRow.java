package com.crowdledger.query.dashboard;

import com.crowdledger.shared.Mode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A slot and its status, counted by status. */
@Entity
@Table(name = "dashboard_slots")
public class DashboardSlotRow {
    @Id
    @Column(name = "slot_id")
    private String id;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private Mode mode;
    private String status;

    protected DashboardSlotRow() {
    }

    DashboardSlotRow(String id, String accountId, Mode mode, String status) {
        this.id = id;
        this.accountId = accountId;
        this.mode = mode;
        this.status = status;
    }

    void status(String newStatus) {
        status = newStatus;
    }
}
