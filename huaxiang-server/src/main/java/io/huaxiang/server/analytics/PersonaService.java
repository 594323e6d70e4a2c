package io.huaxiang.server.analytics;

import io.huaxiang.core.event.UserId;
import io.huaxiang.core.profile.FeatureCatalogue;
import io.huaxiang.core.profile.FeatureDefinition;
import io.huaxiang.core.tag.TagRule;
import io.huaxiang.model.cluster.KMeans;
import io.huaxiang.model.cluster.KMeansResult;
import io.huaxiang.server.analytics.PersonaModel.Distinguishing;
import io.huaxiang.server.analytics.PersonaModel.PersonaCard;
import io.huaxiang.server.analytics.PersonaModel.TypicalTag;
import io.huaxiang.server.portrait.PortraitReading;
import io.huaxiang.server.portrait.PortraitService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Personas (用户群体画像): k-means on standardised portrait features, described as cards, with online
 * assignment of any user to the nearest persona.
 *
 * <p>Fitting reads the portraits in memory in one pass as of the latest event time in the data (so
 * a replayed or demo population is seen as of its own "now"), at most {@link #MAX_FIT_ROWS} users
 * (a deterministic sample by user id beyond that), standardises the {@link PersonaFeatures} and
 * clusters them with {@link KMeans} (k-means++ seeding). Persona ids are ordered by size.
 */
public final class PersonaService {
  static final int MAX_FIT_ROWS = 200_000;
  static final int SILHOUETTE_SAMPLE = 2_000;
  private static final int DIMS = PersonaFeatures.INPUTS.size();

  private final PortraitService portraits;
  private final FeatureCatalogue catalogue;
  private final List<TagRule> tags;
  private volatile PersonaModel current;

  public PersonaService(PortraitService portraits) {
    this.portraits = portraits;
    this.catalogue = portraits.engine().catalogue();
    this.tags = portraits.engine().tagRules().rules();
  }

  /** One k tried: the inertia (for the elbow) and the mean silhouette on a sample. */
  public record KChoice(int k, double inertia, double silhouette) {}

  /** The persona of one user, and the standardised distance to its centre. */
  public record Assignment(String userId, Instant asOf, int persona, PersonaCard card) {}

  /** The last fitted model, if any. */
  public Optional<PersonaModel> current() {
    return Optional.ofNullable(current);
  }

  /** Fits k personas and makes them the current model. */
  public synchronized PersonaModel fit(int k, int maxIterations, long seed) {
    Rows rows = rows();
    if (rows.n < k) {
      throw new IllegalArgumentException(
          "need at least k=" + k + " users with events, have " + rows.n);
    }
    double[] z = rows.standardised();
    KMeansResult fit = new KMeans(k, maxIterations, seed).fit(z, DIMS);
    PersonaModel model = describe(rows, fit, seed);
    current = model;
    return model;
  }

  /** Inertia and silhouette for each k in {@code [from, to]}, to choose k (elbow, silhouette). */
  public List<KChoice> chooseK(int from, int to, int maxIterations, long seed) {
    Rows rows = rows();
    double[] z = rows.standardised();
    int[] sample = sample(rows.n, SILHOUETTE_SAMPLE, seed);
    List<KChoice> out = new ArrayList<>();
    for (int k = from; k <= to && k <= rows.n; k++) {
      KMeansResult fit = new KMeans(k, maxIterations, seed).fit(z, DIMS);
      out.add(new KChoice(k, fit.inertia(), silhouette(z, fit.labels(), k, sample)));
    }
    return out;
  }

  /** The current persona of a user, as of the model's time or the user's last event if later. */
  public Optional<Assignment> assign(UserId user) {
    PersonaModel model = current;
    if (model == null) {
      return Optional.empty();
    }
    Optional<PortraitReading> at = portraits.read(user, model.asOf());
    if (at.isEmpty() || at.get().lastEventAt() == null) {
      return Optional.empty();
    }
    Instant asOf =
        at.get().lastEventAt().isAfter(model.asOf()) ? at.get().lastEventAt() : model.asOf();
    PortraitReading r = asOf.equals(model.asOf()) ? at.get() : portraits.read(user, asOf).get();
    int persona = model.assign(model.standardise(PersonaFeatures.raw(r.features())));
    return Optional.of(new Assignment(user.value(), asOf, persona, model.cards().get(persona)));
  }

  // --- reading the portraits

  /** Transformed feature rows and tag masks of the users fitted on. */
  private static final class Rows {
    final Instant asOf;
    final int n;
    final double[] raw;
    final long[] tagMasks;
    final double[] means = new double[DIMS];
    final double[] deviations = new double[DIMS];

    Rows(Instant asOf, int n, double[] raw, long[] tagMasks) {
      this.asOf = asOf;
      this.n = n;
      this.raw = raw;
      this.tagMasks = tagMasks;
      for (int j = 0; j < DIMS; j++) {
        double sum = 0;
        double sq = 0;
        long count = 0;
        for (int i = 0; i < n; i++) {
          double v = raw[i * DIMS + j];
          if (!Double.isNaN(v)) {
            sum += v;
            sq += v * v;
            count++;
          }
        }
        means[j] = count == 0 ? 0 : sum / count;
        double var = count == 0 ? 0 : sq / count - means[j] * means[j];
        // a constant feature gets deviation 1, so it standardises to 0 instead of NaN
        deviations[j] = var > 1e-12 ? Math.sqrt(var) : 1;
      }
    }

    double[] standardised() {
      double[] z = new double[raw.length];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < DIMS; j++) {
          double v = raw[i * DIMS + j];
          z[i * DIMS + j] = Double.isNaN(v) ? 0 : (v - means[j]) / deviations[j];
        }
      }
      return z;
    }
  }

  private Rows rows() {
    Instant asOf = portraits.latestEventAt();
    if (asOf == null) {
      return new Rows(Instant.EPOCH, 0, new double[0], new long[0]);
    }
    int stride = Math.max(1, (portraits.size() + MAX_FIT_ROWS - 1) / MAX_FIT_ROWS);
    double[][] buffer = {new double[Math.min(portraits.size(), MAX_FIT_ROWS + 1) * DIMS]};
    long[][] masks = {new long[Math.min(portraits.size(), MAX_FIT_ROWS + 1)]};
    int[] n = {0};
    portraits.forEachAt(
        asOf,
        (user, values, held, state) -> {
          if (stride > 1 && Math.floorMod(user.hashCode(), stride) != 0) {
            return;
          }
          if (n[0] == masks[0].length) {
            masks[0] = Arrays.copyOf(masks[0], n[0] * 2 + 1);
            buffer[0] = Arrays.copyOf(buffer[0], (n[0] * 2 + 1) * DIMS);
          }
          System.arraycopy(PersonaFeatures.raw(values), 0, buffer[0], n[0] * DIMS, DIMS);
          long mask = 0;
          for (int t = 0; t < tags.size() && t < 64; t++) {
            if (held.contains(tags.get(t).id())) {
              mask |= 1L << t;
            }
          }
          masks[0][n[0]] = mask;
          n[0]++;
        });
    return new Rows(asOf, n[0], Arrays.copyOf(buffer[0], n[0] * DIMS), masks[0]);
  }

  // --- describing the clusters

  private PersonaModel describe(Rows rows, KMeansResult fit, long seed) {
    int k = fit.k();
    long[] sizes = fit.sizes();
    Integer[] order = new Integer[k];
    for (int c = 0; c < k; c++) {
      order[c] = c;
    }
    // stable ids: largest persona first; equal sizes by their centre, so re-runs agree
    Arrays.sort(
        order,
        Comparator.<Integer>comparingLong(c -> -sizes[c])
            .thenComparing(c -> Arrays.toString(centre(fit, c))));
    int[] idOf = new int[k];
    double[] centres = new double[k * DIMS];
    for (int id = 0; id < k; id++) {
      idOf[order[id]] = id;
      System.arraycopy(fit.centres(), order[id] * DIMS, centres, id * DIMS, DIMS);
    }
    double[][] sums = new double[k][DIMS];
    long[][] counts = new long[k][DIMS];
    long[][] tagCounts = new long[k + 1][tags.size()];
    for (int i = 0; i < rows.n; i++) {
      int id = idOf[fit.labels()[i]];
      for (int j = 0; j < DIMS; j++) {
        double v = rows.raw[i * DIMS + j];
        if (!Double.isNaN(v)) {
          sums[id][j] += v;
          counts[id][j]++;
        }
      }
      for (int t = 0; t < tags.size() && t < 64; t++) {
        if ((rows.tagMasks[i] & (1L << t)) != 0) {
          tagCounts[id][t]++;
          tagCounts[k][t]++;
        }
      }
    }
    List<PersonaCard> cards = new ArrayList<>();
    for (int id = 0; id < k; id++) {
      long size = sizes[order[id]];
      cards.add(
          new PersonaCard(
              id,
              size,
              size / (double) rows.n,
              distinguishing(rows, centres, id, sums[id], counts[id]),
              typicalTags(tagCounts[id], size, tagCounts[k], rows.n)));
    }
    return new PersonaModel(
        k,
        seed,
        rows.asOf,
        rows.n,
        PersonaFeatures.INPUTS.stream().map(PersonaFeatures.Input::name).toList(),
        rows.means,
        rows.deviations,
        centres,
        fit.inertia(),
        fit.iterations(),
        cards);
  }

  private static double[] centre(KMeansResult fit, int c) {
    return Arrays.copyOfRange(fit.centres(), c * DIMS, (c + 1) * DIMS);
  }

  /** The three features whose persona centre is furthest from the population mean. */
  private List<Distinguishing> distinguishing(
      Rows rows, double[] centres, int id, double[] sums, long[] counts) {
    List<Distinguishing> all = new ArrayList<>();
    for (int j = 0; j < DIMS; j++) {
      PersonaFeatures.Input in = PersonaFeatures.INPUTS.get(j);
      FeatureDefinition d = catalogue.definition(in.name()).orElseThrow();
      double personaMean = counts[j] == 0 ? Double.NaN : sums[j] / counts[j];
      all.add(
          new Distinguishing(
              in.name(),
              d.labelZh(),
              d.labelEn(),
              unit(in, personaMean),
              unit(in, rows.means[j]),
              centres[id * DIMS + j]));
    }
    all.sort(Comparator.comparingDouble((Distinguishing x) -> -Math.abs(x.zScore())));
    return List.copyOf(all.subList(0, Math.min(3, all.size())));
  }

  /** Back from ln(1 + x) to the feature's unit (the geometric-style mean for logged features). */
  private static double unit(PersonaFeatures.Input in, double v) {
    return in.log() ? Math.expm1(v) : v;
  }

  /** Up to three tags held by at least 20% of the persona and 1.2 times as often as overall. */
  private List<TypicalTag> typicalTags(long[] held, long size, long[] overall, long users) {
    List<TypicalTag> out = new ArrayList<>();
    for (int t = 0; t < tags.size() && t < 64; t++) {
      double share = size == 0 ? 0 : held[t] / (double) size;
      double base = overall[t] / (double) users;
      if (share >= 0.2 && base > 0 && share / base >= 1.2) {
        TagRule r = tags.get(t);
        out.add(new TypicalTag(r.id(), r.labelZh(), r.labelEn(), share, share / base));
      }
    }
    out.sort(Comparator.comparingDouble((TypicalTag x) -> -x.lift()));
    return List.copyOf(out.subList(0, Math.min(3, out.size())));
  }

  // --- silhouette

  private static int[] sample(int n, int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    if (n <= size) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    int[] out = random.ints(0, n).distinct().limit(size).toArray();
    Arrays.sort(out);
    return out;
  }

  /** Mean silhouette over the sampled rows, distances within the sample (Rousseeuw 1987). */
  static double silhouette(double[] z, int[] labels, int k, int[] sample) {
    if (k < 2) {
      return 0;
    }
    double total = 0;
    for (int a : sample) {
      double[] sum = new double[k];
      long[] count = new long[k];
      for (int b : sample) {
        if (a == b) {
          continue;
        }
        double d = 0;
        for (int j = 0; j < DIMS; j++) {
          double x = z[a * DIMS + j] - z[b * DIMS + j];
          d += x * x;
        }
        sum[labels[b]] += Math.sqrt(d);
        count[labels[b]]++;
      }
      int own = labels[a];
      if (count[own] == 0) {
        continue; // a singleton's silhouette is 0
      }
      double in = sum[own] / count[own];
      double out = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (c != own && count[c] > 0) {
          out = Math.min(out, sum[c] / count[c]);
        }
      }
      if (out != Double.POSITIVE_INFINITY) {
        total += (out - in) / Math.max(in, out);
      }
    }
    return total / sample.length;
  }
}
