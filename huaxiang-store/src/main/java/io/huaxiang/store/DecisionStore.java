package io.huaxiang.store;

import io.huaxiang.core.decision.Funding;
import io.huaxiang.core.decision.IdentifierKind;
import io.huaxiang.core.decision.Velocity;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Stored decisions, the daily funding budgets and the borrowers' committed credit. An approval
 * reserves budget and line and stores its decision in one transaction; budget and line are taken by
 * conditional single-statement updates, so concurrent approvals never over-commit either.
 */
public final class DecisionStore {
  private static final String COLUMNS =
      "select decision_id, request_id, user_id, product_id, outcome, requested_amount,"
          + " approved_amount, score, band, strategy, model, arm, decided_at, id_hash, phone_hash,"
          + " device_hash, ip_hash, card_hash, application, inputs, decision, shadow, pd"
          + " from decisions ";

  private final DataSource db;
  private final Duration approvalValidity;

  public DecisionStore(DataSource db) {
    this(db, Duration.ofDays(30));
  }

  /**
   * @param approvalValidity how long an approval holds the borrower's credit without being drawn
   */
  public DecisionStore(DataSource db, Duration approvalValidity) {
    this.db = db;
    this.approvalValidity = approvalValidity;
  }

  /** A stored decision and whether it was stored by an earlier request with the same id. */
  public record Committed(DecisionRecord record, boolean duplicate) {}

  /**
   * Reserves funding (when {@code funding} is not null), builds the final decision from the answer
   * and stores it, all in one transaction. A request id seen before returns the stored decision and
   * reserves nothing.
   */
  public Committed commit(
      String requestId,
      FundingRequest funding,
      Function<Funding, DecisionRecord> finish,
      Instant now) {
    return commit(requestId, null, funding, finish, now);
  }

  /**
   * Like {@link #commit(String, FundingRequest, Function, Instant)}, also recording who asked
   * ({@code requester}, e.g. {@code client:<key>}), so a reused request id can be told apart from
   * another caller's.
   */
  public Committed commit(
      String requestId,
      String requester,
      FundingRequest funding,
      Function<Funding, DecisionRecord> finish,
      Instant now) {
    // no look-up first: the unique request id refuses a second insert (23505 below), and the
    // decision API has already looked (one round trip less per decision)
    boolean budgetTaken = funding != null && takeBudget(funding);
    boolean keepBudget = false;
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        Funding answer;
        if (funding == null) {
          answer = Funding.notNeeded();
        } else if (!budgetTaken) {
          answer = Funding.exhausted(funding.day().plusDays(1));
        } else if (takeLine(c, funding, now)) {
          answer = Funding.granted();
        } else {
          answer = Funding.borrowerCapReached();
        }
        DecisionRecord r = finish.apply(answer);
        insert(c, r, requester);
        if (answer.status() == Funding.Status.GRANTED) {
          grant(c, r.decisionId(), funding, now);
        }
        c.commit();
        keepBudget = answer.status() == Funding.Status.GRANTED;
        return new Committed(r, false);
      } catch (SQLException e) {
        c.rollback();
        if (!"23505".equals(e.getSQLState())) {
          throw e;
        }
        // the same request raced us and won: its decision (and reservation) stands, ours is
        // undone; read it below, after this connection is back in the pool
      } catch (RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot store the decision of request " + requestId, e);
    } finally {
      if (budgetTaken && !keepBudget) {
        giveBackBudget(funding);
      }
    }
    return new Committed(
        byRequestId(requestId)
            .orElseThrow(() -> new StoreException("lost the decision of " + requestId, null)),
        true);
  }

  /**
   * Takes the amount from the day's budget in a transaction of its own that commits without waiting
   * for the disk ({@code synchronous_commit = off}): every approval updates the same budget row,
   * and holding its lock through an fsync would let only one approval commit per fsync. This stays
   * safe: the decision's own transaction commits synchronously after it, and a WAL flush covers
   * everything written before, so a stored decision's reservation is always durable; a crash in
   * between can only leave budget reserved without a decision (never over-committed).
   */
  private boolean takeBudget(FundingRequest f) {
    // one statement in its own transaction: creates the day's budget row on first use, takes
    // the amount only within the cap, and commits without waiting for the disk (set_config's
    // local setting holds until this statement's implicit transaction has committed)
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "with async as (select set_config('synchronous_commit', 'off', true))"
                    + " insert into funding_budgets as b (product_id, day, cap_amount, cap_count,"
                    + " used_amount, used_count) select ?, ?, ?, ?, ?, 1 from async"
                    // the request's own cap only decides when the day has no row yet
                    + " where (? <= ? * ? and 1 <= floor(? * ?)) or exists (select 1 from"
                    + " funding_budgets where product_id = ? and day = ?)"
                    + " on conflict (product_id, day) do update"
                    + " set used_amount = b.used_amount + excluded.used_amount,"
                    + " used_count = b.used_count + 1"
                    + " where b.used_amount + excluded.used_amount <= b.cap_amount * ?"
                    + " and b.used_count + 1 <= floor(b.cap_count * ?)")) {
      ps.setString(1, f.productId());
      ps.setDate(2, Date.valueOf(f.day()));
      ps.setBigDecimal(3, f.capAmount());
      ps.setLong(4, f.capCount());
      ps.setBigDecimal(5, f.amount());
      ps.setBigDecimal(6, f.amount());
      ps.setBigDecimal(7, f.capAmount());
      ps.setBigDecimal(8, f.share());
      ps.setLong(9, f.capCount());
      ps.setBigDecimal(10, f.share());
      ps.setString(11, f.productId());
      ps.setDate(12, Date.valueOf(f.day()));
      ps.setBigDecimal(13, f.share());
      ps.setBigDecimal(14, f.share());
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("cannot reserve funding for " + f.productId(), e);
    }
  }

  /** Returns a reservation whose decision was not stored as granted. */
  private void giveBackBudget(FundingRequest f) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update funding_budgets set used_amount = used_amount - ?,"
                    + " used_count = used_count - 1 where product_id = ? and day = ?")) {
      ps.setBigDecimal(1, f.amount());
      ps.setString(2, f.productId());
      ps.setDate(3, Date.valueOf(f.day()));
      ps.executeUpdate();
    } catch (SQLException e) {
      // not thrown: the decision's own outcome (or error) matters to the caller, and a
      // reservation not given back only leaves the day's budget a little short, never over
    }
  }

  private void grant(Connection c, UUID decisionId, FundingRequest f, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into credit_grants (decision_id, user_id, product_id, amount, granted_at,"
                + " expires_at) values (?, ?, ?, ?, ?, ?)")) {
      ps.setObject(1, decisionId);
      ps.setString(2, f.userId());
      ps.setString(3, f.productId());
      ps.setBigDecimal(4, f.amount());
      ps.setTimestamp(5, Timestamp.from(now));
      ps.setTimestamp(6, Timestamp.from(now.plus(approvalValidity)));
      ps.executeUpdate();
    }
  }

  /** Of {@code users}, those who hold committed credit. */
  public Set<String> withCommitments(Collection<String> users) {
    if (users.isEmpty()) {
      return Set.of();
    }
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select user_id from credit_commitments where user_id = any(?)")) {
      ps.setArray(1, c.createArrayOf("text", users.toArray()));
      Set<String> out = new HashSet<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read who holds committed credit", e);
    }
  }

  /**
   * What re-computing a borrower's committed credit did.
   *
   * @param drawn approvals now drawn as loans (their loan's outstanding principal counts instead)
   * @param expired approvals released because they expired undrawn, with their amount
   */
  public record Reconciliation(
      String userId,
      BigDecimal before,
      BigDecimal after,
      List<UUID> drawn,
      Map<UUID, BigDecimal> expired) {
    public boolean changed() {
      return before.compareTo(after) != 0;
    }
  }

  /**
   * Re-computes a borrower's committed credit as the outstanding principal of their loans plus the
   * approvals still open: approvals whose application was disbursed ({@code disbursedApplications},
   * ids {@code a-<decision id>}) are marked drawn, approvals past their validity are released.
   * Under the commitment row's lock, so an approval committing at the same time is counted exactly
   * once. Empty when the borrower holds no commitment.
   */
  public Optional<Reconciliation> reconcile(
      String userId, BigDecimal outstanding, Set<String> disbursedApplications, Instant now) {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        BigDecimal before;
        try (PreparedStatement ps =
            c.prepareStatement(
                "select committed from credit_commitments where user_id = ? for update")) {
          ps.setString(1, userId);
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              c.rollback();
              return Optional.empty();
            }
            before = rs.getBigDecimal(1);
          }
        }
        List<UUID> drawn = new ArrayList<>();
        Map<UUID, BigDecimal> expired = new LinkedHashMap<>();
        BigDecimal open = BigDecimal.ZERO;
        try (PreparedStatement ps =
            c.prepareStatement(
                "select decision_id, amount, expires_at from credit_grants where user_id = ?"
                    + " and released_at is null and drawn_at is null")) {
          ps.setString(1, userId);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              UUID id = rs.getObject(1, UUID.class);
              BigDecimal amount = rs.getBigDecimal(2);
              if (disbursedApplications.contains("a-" + id)) {
                drawn.add(id);
              } else if (!rs.getTimestamp(3).toInstant().isAfter(now)) {
                expired.put(id, amount);
              } else {
                open = open.add(amount);
              }
            }
          }
        }
        mark(c, "update credit_grants set drawn_at = ? where decision_id = ?", drawn, now);
        mark(
            c,
            "update credit_grants set released_at = ?, release_reason = 'expired'"
                + " where decision_id = ?",
            expired.keySet(),
            now);
        BigDecimal after = outstanding.max(BigDecimal.ZERO).add(open);
        try (PreparedStatement ps =
            c.prepareStatement(
                "update credit_commitments set committed = ?, updated_at = ? where user_id = ?")) {
          ps.setBigDecimal(1, after);
          ps.setTimestamp(2, Timestamp.from(now));
          ps.setString(3, userId);
          ps.executeUpdate();
        }
        c.commit();
        return Optional.of(new Reconciliation(userId, before, after, drawn, expired));
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot re-compute the committed credit of a borrower", e);
    }
  }

  /** Borrowers holding an approval that expired undrawn before {@code now}. */
  public Set<String> withExpiredGrants(Instant now) {
    try {
      return new HashSet<>(
          Rows.list(
              db,
              "select distinct user_id from credit_grants where released_at is null"
                  + " and drawn_at is null and expires_at <= ?",
              rs -> rs.getString(1),
              Timestamp.from(now)));
    } catch (SQLException e) {
      throw new StoreException("cannot read expired approvals", e);
    }
  }

  private static void mark(Connection c, String sql, Collection<UUID> ids, Instant now)
      throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (UUID id : ids) {
        ps.setTimestamp(1, Timestamp.from(now));
        ps.setObject(2, id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Adds the amount to the borrower's committed credit if it stays within the cap. */
  private static boolean takeLine(Connection c, FundingRequest f, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into credit_commitments as cc (user_id, committed, updated_at)"
                + " select ?, ?, ? where ? <= ?"
                + " on conflict (user_id) do update set committed = cc.committed + excluded.committed,"
                + " updated_at = excluded.updated_at where cc.committed + excluded.committed <= ?")) {
      ps.setString(1, f.userId());
      ps.setBigDecimal(2, f.amount());
      ps.setTimestamp(3, Timestamp.from(now));
      ps.setBigDecimal(4, f.amount());
      ps.setBigDecimal(5, f.borrowerCap());
      ps.setBigDecimal(6, f.borrowerCap());
      return ps.executeUpdate() == 1;
    }
  }

  private static void insert(Connection c, DecisionRecord r, String requester) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into decisions (decision_id, request_id, user_id, product_id, outcome,"
                + " requested_amount, approved_amount, score, band, strategy, model, arm, decided_at,"
                + " id_hash, phone_hash, device_hash, ip_hash, card_hash, application, inputs,"
                + " decision, shadow, pd, requested_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setObject(1, r.decisionId());
      ps.setString(2, r.requestId());
      ps.setString(3, r.userId());
      ps.setString(4, r.productId());
      ps.setString(5, r.outcome());
      ps.setBigDecimal(6, r.requestedAmount());
      ps.setBigDecimal(7, r.approvedAmount());
      ps.setObject(8, r.score());
      ps.setString(9, r.band());
      ps.setString(10, r.strategy());
      ps.setString(11, r.model());
      ps.setString(12, r.arm());
      ps.setTimestamp(13, Timestamp.from(r.decidedAt()));
      ps.setString(14, r.idHash());
      ps.setString(15, r.phoneHash());
      ps.setString(16, r.deviceHash());
      ps.setString(17, r.ipHash());
      ps.setString(18, r.cardHash());
      ps.setString(19, r.application());
      ps.setString(20, r.inputs());
      ps.setString(21, r.decision());
      ps.setString(22, r.shadow());
      ps.setObject(23, r.pd(), java.sql.Types.DOUBLE);
      ps.setString(24, requester);
      ps.executeUpdate();
    }
  }

  /** Who asked for a decision; empty when unknown (stored without a requester). */
  public Optional<String> requesterOf(UUID decisionId) {
    try {
      return Rows.list(
              db,
              "select requested_by from decisions where decision_id = ?",
              rs -> rs.getString(1),
              decisionId)
          .stream()
          .findFirst()
          .filter(Objects::nonNull);
    } catch (SQLException e) {
      throw new StoreException("cannot read who asked for decision " + decisionId, e);
    }
  }

  public Optional<DecisionRecord> byRequestId(String requestId) {
    List<DecisionRecord> out = query("where request_id = ?", requestId);
    return out.isEmpty() ? Optional.empty() : Optional.of(out.get(0));
  }

  public Optional<DecisionRecord> byId(UUID id) {
    List<DecisionRecord> out = query("where decision_id = ?", id);
    return out.isEmpty() ? Optional.empty() : Optional.of(out.get(0));
  }

  /** A user's decisions, newest first. */
  public List<DecisionRecord> forUser(String userId, int limit) {
    return query("where user_id = ? order by decided_at desc, decision_id limit ?", userId, limit);
  }

  /**
   * Decisions decided in [from, to), in decision-time order, after the given position ({@code
   * afterTime}, {@code afterId}; nulls for the start), at most {@code limit}: pages for replay and
   * simulation.
   */
  public List<DecisionRecord> page(
      Instant from, Instant to, Instant afterTime, UUID afterId, int limit) {
    if (afterTime == null) {
      return query(
          "where decided_at >= ? and decided_at < ? order by decided_at, decision_id limit ?",
          Timestamp.from(from),
          Timestamp.from(to),
          limit);
    }
    return query(
        "where decided_at >= ? and decided_at < ? and (decided_at, decision_id) > (?, ?)"
            + " order by decided_at, decision_id limit ?",
        Timestamp.from(from),
        Timestamp.from(to),
        Timestamp.from(afterTime),
        afterId,
        limit);
  }

  /** How many applications of {@code productId} were decided in [from, to). */
  public long countPast(String productId, Instant from, Instant to) {
    try {
      return Rows.list(
              db,
              "select count(*) from decisions where product_id = ? and decided_at >= ?"
                  + " and decided_at < ?",
              rs -> rs.getLong(1),
              productId,
              Timestamp.from(from),
              Timestamp.from(to))
          .get(0);
    } catch (SQLException e) {
      throw new StoreException("cannot count past applications", e);
    }
  }

  /**
   * Streams the applications of {@code productId} decided in [from, to) to {@code batches}, {@code
   * batchSize} at a time, through a server-side cursor: a million past applications never sit in
   * memory at once, and only the columns a simulation needs are read (not the stored decision JSON,
   * unless an older row lacks its PD column). Returns how many were read.
   */
  public long forEachPast(
      String productId,
      Instant from,
      Instant to,
      int batchSize,
      java.util.function.Consumer<List<PastApplication>> batches) {
    long n = 0;
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
      try (PreparedStatement ps =
          c.prepareStatement(
              "select outcome, approved_amount,"
                  + " case when pd is null and score is not null"
                  + " then (decision::jsonb ->> 'pd')::float8 else pd end,"
                  + " application, inputs from decisions"
                  + " where product_id = ? and decided_at >= ? and decided_at < ?")) {
        ps.setFetchSize(batchSize);
        ps.setString(1, productId);
        ps.setTimestamp(2, Timestamp.from(from));
        ps.setTimestamp(3, Timestamp.from(to));
        try (ResultSet rs = ps.executeQuery()) {
          List<PastApplication> batch = new ArrayList<>(batchSize);
          while (rs.next()) {
            batch.add(
                new PastApplication(
                    rs.getString(1),
                    rs.getBigDecimal(2),
                    (Double) rs.getObject(3),
                    rs.getString(4),
                    rs.getString(5)));
            if (batch.size() == batchSize) {
              n += batch.size();
              batches.accept(batch);
              batch = new ArrayList<>(batchSize);
            }
          }
          if (!batch.isEmpty()) {
            n += batch.size();
            batches.accept(batch);
          }
        }
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read past applications", e);
    }
    return n;
  }

  /** How many decisions have a request id starting with {@code prefix}. */
  public long countByRequestPrefix(String prefix) {
    String pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    try {
      return Rows.list(
              db,
              "select count(*) from decisions where request_id like ?",
              rs -> rs.getLong(1),
              pattern)
          .get(0);
    } catch (SQLException e) {
      throw new StoreException("cannot count decisions", e);
    }
  }

  public long count() {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("select count(*) from decisions");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new StoreException("cannot count decisions", e);
    }
  }

  /**
   * Applications per hashed identifier in the windows before {@code at} (see {@link Velocity}),
   * plus the distinct users on the device in 7 days, in one round trip. Absent hashes count 0.
   */
  public Map<String, Long> velocity(Map<IdentifierKind, String> hashes, Instant at) {
    return history(hashes, at, null).velocity();
  }

  /** What a decision reads of the applicant's past: velocity counts and committed credit. */
  public record ApplicantHistory(Map<String, Long> velocity, BigDecimal committed) {}

  /**
   * The velocity counts of {@link #velocity} and the committed credit of {@code userId} (when not
   * null) in one round trip: a decision needs both.
   */
  public ApplicantHistory history(Map<IdentifierKind, String> hashes, Instant at, String userId) {
    BigDecimal committed = BigDecimal.ZERO;
    Map<String, Long> out = new HashMap<>();
    List<String> parts = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    Timestamp now = Timestamp.from(at);
    Timestamp h1 = Timestamp.from(at.minus(Velocity.Window.H1.length()));
    Timestamp h24 = Timestamp.from(at.minus(Velocity.Window.H24.length()));
    Timestamp d7 = Timestamp.from(at.minus(Velocity.Window.D7.length()));
    for (IdentifierKind k : Velocity.COUNTED) {
      String hash = hashes.get(k);
      for (Velocity.Window w : Velocity.Window.values()) {
        out.put(Velocity.variable(k, w), 0L);
      }
      if (hash == null) {
        continue;
      }
      parts.add(
          "select ?::text, count(*) filter (where decided_at >= ?), count(*) filter (where"
              + " decided_at >= ?), count(*) from decisions where "
              + column(k)
              + " = ? and decided_at >= ? and decided_at < ?");
      params.addAll(List.of(k.name(), h1, h24, hash, d7, now));
    }
    out.put(Velocity.DEVICE_USERS_7D, 0L);
    String device = hashes.get(IdentifierKind.DEVICE);
    if (device != null) {
      parts.add(
          "select 'DEVICE_USERS'::text, count(distinct user_id), 0, 0 from decisions"
              + " where device_hash = ? and decided_at >= ? and decided_at < ?");
      params.addAll(List.of(device, d7, now));
    }
    if (userId != null) {
      parts.add(
          "select 'COMMITTED'::text, committed, 0, 0 from credit_commitments where user_id = ?");
      params.add(userId);
    }
    if (parts.isEmpty()) {
      return new ApplicantHistory(out, committed);
    }
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(String.join(" union all ", parts))) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String kind = rs.getString(1);
          if (kind.equals("DEVICE_USERS")) {
            out.put(Velocity.DEVICE_USERS_7D, rs.getLong(2));
            continue;
          }
          if (kind.equals("COMMITTED")) {
            committed = rs.getBigDecimal(2);
            continue;
          }
          IdentifierKind k = IdentifierKind.valueOf(kind);
          out.put(Velocity.variable(k, Velocity.Window.H1), rs.getLong(2));
          out.put(Velocity.variable(k, Velocity.Window.H24), rs.getLong(3));
          out.put(Velocity.variable(k, Velocity.Window.D7), rs.getLong(4));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count application velocity", e);
    }
    return new ApplicantHistory(out, committed);
  }

  private static String column(IdentifierKind k) {
    return switch (k) {
      case ID -> "id_hash";
      case PHONE -> "phone_hash";
      case DEVICE -> "device_hash";
      case IP -> "ip_hash";
      case CARD -> "card_hash";
    };
  }

  /** Credit committed to a borrower so far (0 if none). */
  public BigDecimal committed(String userId) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select committed from credit_commitments where user_id = ?")) {
      ps.setString(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getBigDecimal(1) : BigDecimal.ZERO;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the committed credit of a user", e);
    }
  }

  /** Sets (or creates) a product's budget for a day; what is used stays. */
  public BudgetStatus setBudget(
      String productId, LocalDate day, BigDecimal capAmount, long capCount) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into funding_budgets (product_id, day, cap_amount, cap_count) values (?, ?, ?, ?)"
                    + " on conflict (product_id, day) do update set cap_amount = excluded.cap_amount,"
                    + " cap_count = excluded.cap_count")) {
      ps.setString(1, productId);
      ps.setDate(2, Date.valueOf(day));
      ps.setBigDecimal(3, capAmount);
      ps.setLong(4, capCount);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot set the budget of " + productId, e);
    }
    return budget(productId, day).orElseThrow();
  }

  public Optional<BudgetStatus> budget(String productId, LocalDate day) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select cap_amount, cap_count, used_amount, used_count from funding_budgets"
                    + " where product_id = ? and day = ?")) {
      ps.setString(1, productId);
      ps.setDate(2, Date.valueOf(day));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new BudgetStatus(
                productId,
                day,
                rs.getBigDecimal(1),
                rs.getLong(2),
                rs.getBigDecimal(3),
                rs.getLong(4)));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the budget of " + productId, e);
    }
  }

  /** Applications and approvals of a product per hour in [from, to), oldest first. */
  public List<HourlyDemand> hourlyDemand(String productId, Instant from, Instant to) {
    List<HourlyDemand> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select date_trunc('hour', decided_at) as h, count(*),"
                    + " count(*) filter (where outcome = 'APPROVE'),"
                    + " coalesce(sum(approved_amount) filter (where outcome = 'APPROVE'), 0)"
                    + " from decisions where product_id = ? and decided_at >= ? and decided_at < ?"
                    + " group by h order by h")) {
      ps.setString(1, productId);
      ps.setTimestamp(2, Timestamp.from(from));
      ps.setTimestamp(3, Timestamp.from(to));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new HourlyDemand(
                  rs.getTimestamp(1).toInstant(),
                  rs.getLong(2),
                  rs.getLong(3),
                  rs.getBigDecimal(4)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the demand of " + productId, e);
    }
    return out;
  }

  private List<DecisionRecord> query(String where, Object... params) {
    try {
      return Rows.list(db, COLUMNS + where, DecisionStore::row, params);
    } catch (SQLException e) {
      throw new StoreException("cannot read decisions", e);
    }
  }

  private static DecisionRecord row(ResultSet rs) throws SQLException {
    return new DecisionRecord(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getBigDecimal(6),
        rs.getBigDecimal(7),
        (Integer) rs.getObject(8),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        rs.getString(12),
        rs.getTimestamp(13).toInstant(),
        rs.getString(14),
        rs.getString(15),
        rs.getString(16),
        rs.getString(17),
        rs.getString(18),
        rs.getString(19),
        rs.getString(20),
        rs.getString(21),
        rs.getString(22),
        (Double) rs.getObject(23));
  }
}
