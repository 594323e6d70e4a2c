package io.huaxiang.server.decision;

import io.huaxiang.core.decision.Offer;
import io.huaxiang.core.decision.OfferMaker;
import io.huaxiang.core.event.UserId;
import io.huaxiang.server.api.ApiException;
import io.huaxiang.server.portrait.PortraitReading;
import io.huaxiang.server.portrait.PortraitService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Product offers (个性化信贷产品): the standard catalogue for anyone, and for one user the eligible
 * products ranked by fit with pre-approved amount and price; {@code personalised=false} gives the
 * non-personalised offers (PIPL Art 24) without reading the portrait.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "offers", description = "Credit product offers / 信贷产品推荐")
class OfferController {
  /** The product whose champion strategy's scorecard and bands pre-approve offers. */
  private static final String MAIN_PRODUCT = "consumption";

  private final StrategyBook book;
  private final PortraitService portraits;
  private final Clock clock;

  OfferController(StrategyBook book, PortraitService portraits, Clock clock) {
    this.book = book;
    this.portraits = portraits;
    this.clock = clock;
  }

  @Operation(summary = "The standard offers of every product (non-personalised)")
  @GetMapping("/api/v1/offers")
  List<Offer> standard() {
    return maker().standard();
  }

  @Operation(
      summary =
          "A user's offers: eligible products ranked by fit, pre-approved amount, APR by IRR, bilingual"
              + " text; personalised=false for the non-personalised list")
  @GetMapping("/api/v1/users/{userId}/offers")
  List<Offer> forUser(
      @PathVariable String userId, @RequestParam(defaultValue = "true") boolean personalised) {
    OfferMaker maker = maker();
    if (!personalised) {
      return maker.standard();
    }
    UserId user;
    try {
      user = new UserId(userId);
    } catch (RuntimeException e) {
      throw ApiException.notFound("user", "用户");
    }
    Optional<PortraitReading> reading = portraits.read(user, clock.instant());
    PortraitReading r =
        reading.orElseThrow(() -> ApiException.notFound("user " + userId, "用户 " + userId));
    return maker.personalised(r.features().scalars(), r.tags().keySet());
  }

  private OfferMaker maker() {
    StrategyBook.Active active =
        book.active(MAIN_PRODUCT)
            .orElseThrow(
                () ->
                    new ApiException(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "NO_ACTIVE_STRATEGY",
                        "offers need an active strategy for " + MAIN_PRODUCT,
                        "推荐需要 " + MAIN_PRODUCT + " 产品的生效策略"));
    return new OfferMaker(book.products(), active.champion().strategy());
  }
}
