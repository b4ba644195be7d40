/**
 * serde's `rename_all` rules, ported from serde_derive (`internals/case.rs`) so that field and
 * variant names come out exactly as serde writes them. Variants are PascalCase in source, fields
 * snake_case, and serde converts each from that assumption.
 */
export const RENAME_RULES = ['lowercase', 'UPPERCASE', 'PascalCase', 'camelCase', 'snake_case', 'SCREAMING_SNAKE_CASE', 'kebab-case', 'SCREAMING-KEBAB-CASE'] as const;
export type RenameRule = (typeof RENAME_RULES)[number];

export function isRenameRule(s: string): s is RenameRule {
  return (RENAME_RULES as readonly string[]).includes(s);
}

function variantSnake(variant: string): string {
  let out = '';
  for (let i = 0; i < variant.length; i++) {
    const ch = variant[i]!;
    if (i > 0 && ch !== ch.toLowerCase() && ch === ch.toUpperCase()) out += '_';
    out += ch.toLowerCase();
  }
  return out;
}

export function renameVariant(rule: RenameRule, variant: string): string {
  switch (rule) {
    case 'PascalCase':
      return variant;
    case 'lowercase':
      return variant.toLowerCase();
    case 'UPPERCASE':
      return variant.toUpperCase();
    case 'camelCase':
      return variant.slice(0, 1).toLowerCase() + variant.slice(1);
    case 'snake_case':
      return variantSnake(variant);
    case 'SCREAMING_SNAKE_CASE':
      return variantSnake(variant).toUpperCase();
    case 'kebab-case':
      return variantSnake(variant).replace(/_/g, '-');
    case 'SCREAMING-KEBAB-CASE':
      return variantSnake(variant).toUpperCase().replace(/_/g, '-');
  }
}

function fieldPascal(field: string): string {
  let out = '';
  let capitalize = true;
  for (const ch of field) {
    if (ch === '_') capitalize = true;
    else if (capitalize) {
      out += ch.toUpperCase();
      capitalize = false;
    } else out += ch;
  }
  return out;
}

export function renameField(rule: RenameRule, field: string): string {
  switch (rule) {
    case 'lowercase':
    case 'snake_case':
      return field;
    case 'UPPERCASE':
    case 'SCREAMING_SNAKE_CASE':
      return field.toUpperCase();
    case 'PascalCase':
      return fieldPascal(field);
    case 'camelCase': {
      const pascal = fieldPascal(field);
      return pascal.slice(0, 1).toLowerCase() + pascal.slice(1);
    }
    case 'kebab-case':
      return field.replace(/_/g, '-');
    case 'SCREAMING-KEBAB-CASE':
      return field.toUpperCase().replace(/_/g, '-');
  }
}
