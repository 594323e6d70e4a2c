package io.huaxiang.core.dataset;

import java.util.List;

/**
 * One client of the UCI "default of credit card clients" dataset (Yeh and Lien 2009), parsed.
 *
 * @param id the dataset's {@code ID}
 * @param creditLimit {@code X1 LIMIT_BAL}, NT$
 * @param sex {@code X2}: 1 male, 2 female
 * @param education {@code X3}: 1 graduate school, 2 university, 3 high school, 4 others, 0/5/6
 *     undocumented
 * @param marriage {@code X4}: 1 married, 2 single, 3 others, 0 undocumented
 * @param age {@code X5}, years
 * @param statements six months in calendar order, April first, September last
 * @param defaultNextMonth {@code Y}: 1 if the client defaulted in October 2005. A model label,
 *     never turned into an event.
 */
public record TaiwanRow(
    long id,
    long creditLimit,
    int sex,
    int education,
    int marriage,
    int age,
    List<TaiwanStatement> statements,
    int defaultNextMonth) {

  public TaiwanRow {
    statements = List.copyOf(statements);
  }
}
