// The FHIR R4 (4.0.1) Claim that Engine.toFhirClaim writes (docs/fhir.md), and its options: only the parts the
// claim uses, written here so the package depends on nothing. index.d.ts re-exports every type of this file.

import type { FieldError } from "./index.js";

/** A FHIR R4 Reference: "Patient/123" (or an absolute URL), or the object. */
export type FhirReferenceInput = string | FhirReference;

export interface FhirClaimOptions {
  /** The Patient (default: display-only "patient (not given)"). */
  patient?: FhirReferenceInput;
  /** The billing Practitioner, PractitionerRole or Organization (default: display-only placeholder). */
  provider?: FhirReferenceInput;
  /** The Coverage the claim goes to, as insurance[0].coverage (default: display-only placeholder). */
  insurance?: FhirReferenceInput;
  /** Claim.created: YYYY-MM-DD or a dateTime with its zone (default: the date of service; the engine has no clock). */
  created?: string;
}

export interface FhirClaimError {
  ok: false;
  errors: FieldError[];
}

// The parts of FHIR R4 (4.0.1) the claim uses, written here so the package depends on nothing.
export interface FhirCoding {
  system: string;
  code: string;
  display?: string;
}
export interface FhirCodeableConcept {
  coding: FhirCoding[];
}
export interface FhirReference {
  reference?: string;
  type?: string;
  identifier?: { system?: string; value?: string };
  display?: string;
}
export interface FhirMoney {
  value: number;
  currency: "USD";
}
export interface FhirClaimItem {
  sequence: number;
  /** The line's diagnosis pointers: Claim.diagnosis sequences. */
  diagnosisSequence?: number[];
  /** CPT (http://www.ama-assn.org/go/cpt) or HCPCS (urn:oid:2.16.840.1.113883.6.285); no display text. */
  productOrService: FhirCodeableConcept;
  modifier?: FhirCodeableConcept[];
  servicedDate: string;
  /** CMS place of service. */
  locationCodeableConcept: FhirCodeableConcept;
  quantity: { value: number };
  /** The line's allowed amount (docs/fhir.md). */
  unitPrice: FhirMoney;
  net: FhirMoney;
}
export interface FhirClaim {
  resourceType: "Claim";
  status: "active";
  type: FhirCodeableConcept;
  use: "claim";
  patient: FhirReference;
  created: string;
  provider: FhirReference;
  priority: FhirCodeableConcept;
  diagnosis?: { sequence: number; diagnosisCodeableConcept: FhirCodeableConcept }[];
  insurance: { sequence: number; focal: boolean; coverage: FhirReference }[];
  /** One per billed line; absent when no line is billed. */
  item?: FhirClaimItem[];
  total: FhirMoney;
}
