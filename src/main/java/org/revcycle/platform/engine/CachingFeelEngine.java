package org.revcycle.platform.engine;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.EvalContext$;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * The FEEL engine Camunda uses for DMN (feel-scala), made cheap to call many times. The stock engine,
 * for every input entry and expression it evaluates, parses the text again and builds a new root
 * context with every built-in function (over 90% of the time of a decision table, see the edits
 * benchmark). Here each text is parsed once (its syntax tree never changes) and the root context is
 * built once; the evaluation itself is feel-scala's own interpreter, as in the stock engine.
 */
public class CachingFeelEngine extends ScalaFeelEngine {

  /** Enough for every expression of every deployed version; a runaway is cleared, not grown. */
  private static final int MAX_CACHED = 20_000;

  private final ConcurrentHashMap<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

  private static final MethodHandle EVAL;

  static {
    try {
      EVAL = MethodHandles.privateLookupIn(org.camunda.feel.FeelEngine.class, MethodHandles.lookup())
          .findVirtual(org.camunda.feel.FeelEngine.class, "eval",
              MethodType.methodType(EvaluationResult.class, ParsedExpression.class, EvalContext.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final EvalContext root;

  public CachingFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
    FunctionProvider functions = new FunctionProvider.CompositeFunctionProvider(toScalaList(
        new BuiltinFunctions(feelEngine.clock(), feelEngine.valueMapper()), feelEngine.functionProvider()));
    this.root = EvalContext$.MODULE$.create(feelEngine.valueMapper(), functions);
  }

  private Object eval(ParsedExpression parsed, Context context) {
    EvaluationResult result;
    try {
      result = (EvaluationResult) EVAL.invokeExact(feelEngine, parsed, root.merge(context));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
    if (!result.isSuccess()) {
      throw LOGGER.evaluationException(result.failure().message());
    }
    return result.result();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    ParsedExpression parsed = parsed(expressions, expression, false);
    CustomContext context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new ContextVariableWrapper(variableContext);
      }
    };
    return (T) eval(parsed, context);
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
    ParsedExpression parsed = parsed(unaryTests, expression, true);
    StaticVariableProvider input = new StaticVariableProvider(new Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
    ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
    CustomContext context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new CompositeVariableProvider(toScalaList(input, variables));
      }
    };
    return Boolean.TRUE.equals(eval(parsed, context));
  }

  private ParsedExpression parsed(ConcurrentHashMap<String, ParsedExpression> cache, String text, boolean unary) {
    ParsedExpression parsed = cache.get(text);
    if (parsed == null) {
      Either<Failure, ParsedExpression> result = unary ? feelEngine.parseUnaryTests(text) : feelEngine.parseExpression(text);
      parsed = (ParsedExpression) value(result);
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.put(text, parsed);
    }
    return parsed;
  }

  private static Object value(Either<?, ?> either) {
    if (either instanceof Left<?, ?> left) {
      throw LOGGER.evaluationException(((Failure) left.value()).message());
    }
    return either.toOption().get();
  }

  /** Builds {@link CachingFeelEngine}s. */
  public static class Factory extends ScalaFeelEngineFactory {

    @Override
    public FeelEngine createInstance() {
      return new CachingFeelEngine(getCustomFunctionProviders());
    }
  }
}
