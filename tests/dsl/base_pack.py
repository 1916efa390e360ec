"""A small complete pack the rule-language tests extend."""

BASE = """pack base "Base pack" {
  version "1"
  languages zh-Hans, zh-Hant, en
}
party client "Client" { zh-Hans "甲方单位" en "Client" }
party provider "Provider" { en "Supplier" }
topic ppe "Protective equipment" {
  title zh-Hans "劳动防护用品"
  zh-Hans "劳动防护用品"
  en "PPE" /hard ?hats?/
  near inj { en "injury" }
}
topic machine_room "Machine room" { en "server room" }
vocabulary binding { en "shall" }
vocabulary weak { en "may" }
vocabulary prohibition { en "shall not" }
vocabulary negation { en "is not required to" }
vocabulary vague { en "adequate" }
vocabulary vague_timing { en "promptly" }
vocabulary exemption { en "not liable" }
vocabulary both_parties { en "the Parties" }
vocabulary each_own { en "its own" }
vocabulary jointly { en "jointly responsible" }
vocabulary optional_heading { en "if applicable" }
vocabulary assistive { en "assist" }
vocabulary demand { en "require" }
vocabulary object_marker { zh-Hans "按" }
vocabulary takes_up_work { zh-Hans "方可上岗" }
vocabulary deferral { en "to be agreed" }
vocabulary false_friends { en "at will" }
vocabulary personnel { en "personnel" }
vocabulary client_role { en "owner" }
vocabulary provider_role { en "contractor" }
vocabulary worker { en "worker" }
vocabulary host_conduct { en "premises" }
vocabulary provider_conduct { en "personnel" }
vocabulary payer_conduct { en "shall pay" }
vocabulary declarative { zh-Hans "提供" }
vocabulary shifts_liability { en "at its sole risk" }
vocabulary condition { en "if" }
vocabulary befalls { zh-Hans "受伤" }
vocabulary entitlement { zh-Hans "享受" }
vocabulary clause_opening { en "where" }
vocabulary proviso { en "subject to" }
vocabulary duty_heading { en "obligations" }
vocabulary list_lead { en "agrees as follows" }
vocabulary anaphora { en "these" }
vocabulary unspecific { en "relevant" }
vocabulary other_parties { en "other" }
vocabulary table_mark { en "yes" }
vocabulary statute_noun { en "Act" }
vocabulary document_noun { en "rules" }
vocabulary annex_noun { en "Schedule" }
vocabulary reference_lead { en "in accordance with" }
vocabulary definition_verb { en "means" }
vocabulary not_a_party { en "Each" }
require ppe.provided "Who provides PPE" {
  code CC101
  topic ppe
  bearer provider | client | both
  bearing one
  severity high
  cite CN "WSL art. 45"
  suggest en "The Supplier shall provide PPE."
}
forbid injury.waiver "No injury waiver" {
  code CC201
  topic ppe
  exemption
  severity critical
}
"""
