package org.revcycle.x12.claim;

import java.math.BigDecimal;

/** Loop 2410: the drug behind a line (LIN*N4 national drug code) and its quantity and unit (CTP). */
public record Drug(String ndc, BigDecimal quantity, String unit) {}
