//! `format(z, spec)` for a `complex`: each part laid out as a float (the
//! imaginary one always signed unless the real part is left out), then the
//! whole padded, as CPython's `format_complex_internal` does.

use super::dtoa::{double_to_string, style_for, Flags, Style};
use super::minilang::{
    check_grouping, check_width, pad_text, render_number, unknown_code, Align, FormatSpec,
    Grouping, NumberParts, Sign,
};
use super::FormatError;

fn part(
    x: f64,
    style: Style,
    precision: usize,
    flags: Flags,
    sign: Option<Sign>,
    grouping: Option<Grouping>,
) -> String {
    let text = double_to_string(x, style, precision, flags);
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let int_len = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, after) = body.split_at(int_len);
    let (has_decimal, remainder) = match after.strip_prefix('.') {
        Some(rest) => (true, rest),
        None => (false, after),
    };
    let grouping = match grouping {
        None => None,
        Some(Grouping::Comma) => Some((3, ',')),
        Some(Grouping::Underscore) => Some((3, '_')),
    };
    let parts = NumberParts {
        negative,
        prefix: "",
        digits,
        has_decimal,
        remainder,
        grouping,
    };
    let spec = FormatSpec {
        sign,
        ..FormatSpec::default()
    };
    render_number(&parts, &spec, ' ', Align::Right, 0)
}

/// `format(complex(re, im), spec)` for a non-empty spec.
///
/// # Errors
/// `ValueError` with CPython's messages (zero padding, `=` alignment,
/// unknown presentation types).
pub fn format_complex(re: f64, im: f64, spec: &FormatSpec) -> Result<String, FormatError> {
    if spec.zero || spec.fill == Some('0') {
        return Err(FormatError::value(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if spec.align == Some(Align::AfterSign) {
        return Err(FormatError::value(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    check_grouping(spec.grouping, spec.ty)?;
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(FormatError::value("precision too big"));
    }
    let mut skip_re = false;
    let mut parens = false;
    let mut default_precision = 6;
    let mut code = match spec.ty {
        None => {
            default_precision = 0;
            if re == 0.0 && re.is_sign_positive() {
                skip_re = true;
            } else {
                parens = true;
            }
            'r'
        }
        Some('n') => 'g',
        Some(c @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G')) => c,
        Some(c) => return Err(unknown_code(c, "complex")),
    };
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
    };
    let (style, upper) = style_for(code).unwrap_or((Style::General, false));
    let flags = Flags {
        alt: spec.alternate,
        no_neg_0: spec.z,
        upper,
        ..Flags::default()
    };
    let grouping = if spec.ty == Some('n') {
        None
    } else {
        spec.grouping
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&part(re, style, precision, flags, spec.sign, grouping));
    }
    let im_sign = if skip_re { spec.sign } else { Some(Sign::Plus) };
    body.push_str(&part(im, style, precision, flags, im_sign, grouping));
    body.push('j');
    if parens {
        body.push(')');
    }
    let width = check_width(spec)?;
    let fill = spec.fill.unwrap_or(' ');
    Ok(pad_text(
        &body,
        width,
        spec.align.unwrap_or(Align::Right),
        fill,
    ))
}
