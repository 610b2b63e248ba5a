package com.crowdledger.query.tester;

import com.crowdledger.queries.tester.TesterProfileView;
import com.crowdledger.query.paging.Position;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Platform;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A tester's profile in one mode, with the counts its rating comes from. */
@Entity
@Table(name = "tester_profiles")
public class TesterProfileRow {
    static final BigDecimal TOP_RATING = BigDecimal.valueOf(5);

    @Id
    private String id;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private Mode mode;
    /** Enum names, in declaration order. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] platforms;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] devices;
    private String country;
    @Column(name = "triaged_bugs")
    private int triagedBugs;
    @Column(name = "duplicate_bugs")
    private int duplicateBugs;
    @Column(name = "accepted_bugs")
    private int acceptedBugs;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected TesterProfileRow() {
    }

    TesterProfileRow(String id, String accountId, Mode mode, Instant createdAt) {
        this.id = id;
        this.accountId = accountId;
        this.mode = mode;
        this.platforms = new String[0];
        this.devices = new String[0];
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    void change(Collection<Platform> newPlatforms, List<String> newDevices, String newCountry, Instant at) {
        platforms = EnumSet.copyOf(newPlatforms.isEmpty() ? EnumSet.noneOf(Platform.class) : newPlatforms).stream()
                .map(Platform::name).toArray(String[]::new);
        devices = newDevices.toArray(String[]::new);
        country = newCountry;
        updatedAt = at;
    }

    void triaged() {
        triagedBugs++;
    }

    void accepted() {
        acceptedBugs++;
    }

    void duplicate() {
        duplicateBugs++;
    }

    Set<Platform> platforms() {
        return Arrays.stream(platforms).map(Platform::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Platform.class)));
    }

    /** Accepted ÷ triaged, duplicates left out, on a 0–5 scale; null while nothing counts. */
    BigDecimal rating() {
        int counted = triagedBugs - duplicateBugs;
        return counted <= 0 ? null : TOP_RATING.multiply(BigDecimal.valueOf(acceptedBugs))
                .divide(BigDecimal.valueOf(counted), 2, RoundingMode.HALF_UP);
    }

    TesterProfileView view() {
        return new TesterProfileView(id, List.copyOf(platforms()), List.of(devices), country, acceptedBugs, rating(),
                createdAt, updatedAt);
    }

    Position position() {
        return new Position(createdAt, id);
    }
}
