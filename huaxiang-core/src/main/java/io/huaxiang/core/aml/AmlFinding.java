package io.huaxiang.core.aml;

import java.util.List;

/** Something compliance must look at: a reportable large-value total or a suspicious pattern. */
public sealed interface AmlFinding permits AmlFlag, SuspiciousActivityCase {

  AmlRuleCode rule();

  String customerId();

  /** The transactions this finding reports. */
  List<String> transactionIds();

  /** A bilingual sentence giving the reason, for the case file. */
  String reason();
}
